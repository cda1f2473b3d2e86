ALTER TABLE "contact_officials" ADD COLUMN "surname" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "contact_officials" ADD COLUMN "name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "contact_officials" ADD COLUMN "patronymic" text;--> statement-breakpoint
-- hand-written
UPDATE "contact_officials" SET
  "surname" = split_part(btrim("full_name"), ' ', 1),
  "name" = split_part(btrim("full_name"), ' ', 2),
  "patronymic" = nullif(btrim(substr(btrim("full_name"), length(split_part(btrim("full_name"), ' ', 1)) + length(split_part(btrim("full_name"), ' ', 2)) + 3)), '');
