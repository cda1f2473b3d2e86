CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"owner_type" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"filename" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Files keep their ids, so download links given out before stay valid. Attachments never bound to an
-- appeal could not be downloaded and are not carried over.
INSERT INTO "files" ("id", "organization_id", "owner_type", "owner_id", "purpose", "filename", "mime_type", "size", "sha256", "content", "uploaded_by", "created_at")
SELECT "id", "organization_id", 'appeal', "appeal_id", "purpose", "filename", "mime_type", "size", "sha256", "content", "uploaded_by", "created_at"
FROM "attachments" WHERE "appeal_id" IS NOT NULL;--> statement-breakpoint
INSERT INTO "files" ("id", "organization_id", "owner_type", "owner_id", "purpose", "filename", "mime_type", "size", "sha256", "content", "uploaded_by", "created_at")
SELECT "id", "organization_id", 'risk', "risk_id", "purpose", "filename", "mime_type", "size", "sha256", "content", "uploaded_by", "created_at"
FROM "risk_files";--> statement-breakpoint
-- A request file without an organization is ЦУР's file of the request itself; with one, a file of that administration's answer.
INSERT INTO "files" ("id", "organization_id", "owner_type", "owner_id", "purpose", "filename", "mime_type", "size", "sha256", "content", "uploaded_by", "created_at")
SELECT "id", "organization_id", 'request', "request_id", CASE WHEN "organization_id" IS NULL THEN 'request' ELSE 'answer' END, "filename", "mime_type", "size", "sha256", "content", "uploaded_by", "created_at"
FROM "info_request_files";--> statement-breakpoint
DROP TABLE "attachments" CASCADE;--> statement-breakpoint
DROP TABLE "info_request_files" CASCADE;--> statement-breakpoint
DROP TABLE "risk_files" CASCADE;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "files_owner_idx" ON "files" USING btree ("owner_type","owner_id","created_at");