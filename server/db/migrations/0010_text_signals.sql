CREATE TABLE "problem_clusters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"title" text NOT NULL,
	"place_street" text,
	"place_house" text,
	"size" integer DEFAULT 0 NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "author_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "resend_of_id" uuid;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "place_street" text;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "place_house" text;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "cluster_id" uuid;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "language" jsonb;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "tone" text DEFAULT 'neutral' NOT NULL;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "answer_check" jsonb;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "answer_approved_despite_warning" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "problem_clusters" ADD CONSTRAINT "problem_clusters_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "problem_clusters_org_last_idx" ON "problem_clusters" USING btree ("organization_id","last_at");--> statement-breakpoint
CREATE INDEX "problem_clusters_last_idx" ON "problem_clusters" USING btree ("last_at");--> statement-breakpoint
CREATE INDEX "appeals_author_keys_idx" ON "appeals" USING gin ("author_keys");--> statement-breakpoint
CREATE INDEX "appeals_place_idx" ON "appeals" USING btree ("organization_id","place_street","received_at") WHERE place_street is not null;--> statement-breakpoint
CREATE INDEX "appeals_cluster_idx" ON "appeals" USING btree ("cluster_id","received_at") WHERE cluster_id is not null;--> statement-breakpoint
CREATE INDEX "appeals_tone_idx" ON "appeals" USING btree ("organization_id","tone","received_at") WHERE tone <> 'neutral';