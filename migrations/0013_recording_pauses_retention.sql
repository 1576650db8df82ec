CREATE TABLE "recording_pauses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recording_id" uuid NOT NULL,
	"call_id" uuid NOT NULL,
	"paused_by" uuid,
	"paused_at" timestamp with time zone NOT NULL,
	"pause_offset_ms" integer NOT NULL,
	"resumed_by" uuid,
	"resumed_at" timestamp with time zone,
	"resume_offset_ms" integer,
	"silenced_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "recording_settings" (
	"id" text PRIMARY KEY DEFAULT 'default' NOT NULL,
	"retention_days" integer,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "recording_pauses" ADD CONSTRAINT "recording_pauses_recording_id_recordings_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recordings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording_pauses" ADD CONSTRAINT "recording_pauses_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording_pauses" ADD CONSTRAINT "recording_pauses_paused_by_users_id_fk" FOREIGN KEY ("paused_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording_pauses" ADD CONSTRAINT "recording_pauses_resumed_by_users_id_fk" FOREIGN KEY ("resumed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording_settings" ADD CONSTRAINT "recording_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recording_pauses_recording_idx" ON "recording_pauses" USING btree ("recording_id","paused_at");