CREATE TABLE "supervision_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"agents_see_monitoring" boolean DEFAULT false NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supervision_settings_singleton" CHECK ("supervision_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "supervision_settings" ADD CONSTRAINT "supervision_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;