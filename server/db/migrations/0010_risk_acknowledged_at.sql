ALTER TABLE "risks" ADD COLUMN "acknowledged_at" timestamp with time zone;--> statement-breakpoint
-- hand-written
UPDATE "risks" SET "acknowledged_at" = "signal_received_at" WHERE "acknowledged_by" IS NOT NULL;--> statement-breakpoint
UPDATE "risks" SET "signal_received_at" = "created_at", "deadline_draft" = "created_at" + interval '3 hours' WHERE "deadline_draft" IS NULL;
