CREATE TABLE "curator_groups" (
	"user_id" uuid NOT NULL,
	"group_code" text NOT NULL,
	CONSTRAINT "curator_groups_user_id_group_code_pk" PRIMARY KEY("user_id","group_code")
);
--> statement-breakpoint
ALTER TABLE "curator_groups" ADD CONSTRAINT "curator_groups_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "curator_groups_group_idx" ON "curator_groups" USING btree ("group_code");