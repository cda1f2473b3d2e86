CREATE TABLE "group_departments" (
	"organization_id" uuid NOT NULL,
	"group_code" text NOT NULL,
	"department_id" uuid NOT NULL,
	"assignments" integer DEFAULT 0 NOT NULL,
	"configured" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_departments_organization_id_group_code_department_id_pk" PRIMARY KEY("organization_id","group_code","department_id")
);
--> statement-breakpoint
ALTER TABLE "group_departments" ADD CONSTRAINT "group_departments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_departments" ADD CONSTRAINT "group_departments_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "group_departments_configured_key" ON "group_departments" USING btree ("organization_id","group_code") WHERE configured;