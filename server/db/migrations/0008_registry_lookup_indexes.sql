CREATE INDEX "appeals_number_idx" ON "appeals" USING btree ("number");--> statement-breakpoint
CREATE INDEX "appeals_external_id_idx" ON "appeals" USING btree ("external_id") WHERE external_id is not null;--> statement-breakpoint
CREATE INDEX "appeals_channel_received_idx" ON "appeals" USING btree ("channel","received_at","id");--> statement-breakpoint
CREATE INDEX "appeals_open_register_idx" ON "appeals" USING btree ("deadline_register","id") WHERE status = 'received';--> statement-breakpoint
CREATE INDEX "appeals_topic_idx" ON "appeals" USING btree ("topic_code");--> statement-breakpoint
CREATE INDEX "appeals_department_idx" ON "appeals" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "appeals_answer_submitted_idx" ON "appeals" USING btree ("answer_submitted_by") WHERE answer_submitted_by is not null;--> statement-breakpoint
CREATE INDEX "appeals_answer_approved_idx" ON "appeals" USING btree ("answer_approved_by") WHERE answer_approved_by is not null;