CREATE SEQUENCE "public"."appeals_revision_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "revision" bigint DEFAULT nextval('appeals_revision_seq') NOT NULL;--> statement-breakpoint
CREATE INDEX "appeals_org_revision_idx" ON "appeals" USING btree ("organization_id","revision");--> statement-breakpoint
-- hand-written
CREATE INDEX "appeals_org_registered_idx" ON "appeals" USING btree ("organization_id","registered_at")
  INCLUDE ("channel","kind","topic_code","answer_result","author_kind","repeated","extension_days","answered_at","deadline_answer","status","rating_score");--> statement-breakpoint
CREATE FUNCTION "appeals_next_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."revision" := nextval('appeals_revision_seq');
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "appeals_revision" BEFORE UPDATE ON "appeals" FOR EACH ROW EXECUTE FUNCTION "appeals_next_revision"();
