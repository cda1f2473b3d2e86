DROP INDEX "appeals_org_received_idx";--> statement-breakpoint
DROP INDEX "appeals_org_status_idx";--> statement-breakpoint
DROP INDEX "appeals_deadline_idx";--> statement-breakpoint
CREATE INDEX "appeals_received_idx" ON "appeals" USING btree ("received_at","id");--> statement-breakpoint
CREATE INDEX "appeals_status_received_idx" ON "appeals" USING btree ("status","received_at");--> statement-breakpoint
CREATE INDEX "appeals_open_deadline_idx" ON "appeals" USING btree ("deadline_answer","id") WHERE status in ('received', 'registered', 'assigned', 'in_progress', 'on_approval', 'reopened');--> statement-breakpoint
CREATE INDEX "appeals_flagged_idx" ON "appeals" USING btree ("organization_id") WHERE flagged_for_cur;--> statement-breakpoint
CREATE INDEX "appeals_org_received_idx" ON "appeals" USING btree ("organization_id","received_at","id");--> statement-breakpoint
CREATE INDEX "appeals_org_status_idx" ON "appeals" USING btree ("organization_id","status","received_at");--> statement-breakpoint
CREATE INDEX "appeals_deadline_idx" ON "appeals" USING btree ("organization_id","deadline_answer","id");