CREATE TABLE "appeal_topic_marks" (
	"appeal_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"topic_code" text NOT NULL,
	"source" text NOT NULL,
	"set_by" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "text_models" (
	"name" text PRIMARY KEY NOT NULL,
	"format" integer NOT NULL,
	"model" "bytea" NOT NULL,
	"texts" integer NOT NULL,
	"labels" integer NOT NULL,
	"learnt_until" timestamp with time zone,
	"trained_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appeal_topic_marks" ADD CONSTRAINT "appeal_topic_marks_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_topic_marks" ADD CONSTRAINT "appeal_topic_marks_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_topic_marks" ADD CONSTRAINT "appeal_topic_marks_topic_code_topics_code_fk" FOREIGN KEY ("topic_code") REFERENCES "public"."topics"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_topic_marks" ADD CONSTRAINT "appeal_topic_marks_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appeal_topic_marks_person_idx" ON "appeal_topic_marks" USING btree ("at") WHERE source = 'person';--> statement-breakpoint
CREATE INDEX "appeal_topic_marks_org_idx" ON "appeal_topic_marks" USING btree ("organization_id");