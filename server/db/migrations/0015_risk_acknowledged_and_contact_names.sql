ALTER TABLE "contact_officials" ADD COLUMN "surname" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "contact_officials" ADD COLUMN "name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "contact_officials" ADD COLUMN "patronymic" text;--> statement-breakpoint
ALTER TABLE "risks" ADD COLUMN "acknowledged_at" timestamp with time zone;--> statement-breakpoint
-- hand-written
UPDATE "risks" SET "acknowledged_at" = "signal_received_at" WHERE "acknowledged_by" IS NOT NULL;--> statement-breakpoint
UPDATE "risks" SET "signal_received_at" = "created_at", "deadline_draft" = "created_at" + interval '3 hours' WHERE "deadline_draft" IS NULL;
--> statement-breakpoint
-- hand-written
UPDATE "contact_officials" SET
  "surname" = split_part(btrim("full_name"), ' ', 1),
  "name" = split_part(btrim("full_name"), ' ', 2),
  "patronymic" = nullif(btrim(substr(btrim("full_name"), length(split_part(btrim("full_name"), ' ', 1)) + length(split_part(btrim("full_name"), ' ', 2)) + 3)), '');
