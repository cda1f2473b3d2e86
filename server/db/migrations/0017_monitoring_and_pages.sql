CREATE TABLE "monitoring_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"guid" text NOT NULL,
	"link" text,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"published_at" timestamp with time zone,
	"found_at" timestamp with time zone NOT NULL,
	"mentions_municipality" boolean NOT NULL,
	"keywords" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tone" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"risk_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reject_reason" text
);
--> statement-breakpoint
CREATE TABLE "monitoring_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"platform" text NOT NULL,
	"keywords" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"etag" text,
	"last_modified" text,
	"last_fetched_at" timestamp with time zone,
	"last_error" text,
	"failures" integer DEFAULT 0 NOT NULL,
	"next_fetch_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "official_pages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"url" text NOT NULL,
	"name" text,
	"verified" boolean DEFAULT false NOT NULL,
	"feed_url" text,
	"last_post_at" timestamp with time zone,
	"etag" text,
	"last_modified" text,
	"last_fetched_at" timestamp with time zone,
	"last_error" text,
	"failures" integer DEFAULT 0 NOT NULL,
	"next_fetch_at" timestamp with time zone,
	"widget_installed" boolean,
	"widget_evidence" text,
	"widget_error" text,
	"widget_checked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monitoring_items" ADD CONSTRAINT "monitoring_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_items" ADD CONSTRAINT "monitoring_items_source_id_monitoring_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."monitoring_sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_items" ADD CONSTRAINT "monitoring_items_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_items" ADD CONSTRAINT "monitoring_items_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_sources" ADD CONSTRAINT "monitoring_sources_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "official_pages" ADD CONSTRAINT "official_pages_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_items_source_guid_key" ON "monitoring_items" USING btree ("organization_id","source_id","guid");--> statement-breakpoint
CREATE INDEX "monitoring_items_status_idx" ON "monitoring_items" USING btree ("status","found_at");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_sources_org_url_key" ON "monitoring_sources" USING btree ("organization_id","url");--> statement-breakpoint
CREATE UNIQUE INDEX "official_pages_org_url_key" ON "official_pages" USING btree ("organization_id","url");