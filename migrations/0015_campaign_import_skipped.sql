ALTER TABLE "campaign_imports" ADD COLUMN "skipped_rows" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "campaign_imports" ADD COLUMN "failure" text;