CREATE TABLE "campaign_agents" (
	"campaign_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "campaign_agents_campaign_id_user_id_pk" PRIMARY KEY("campaign_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"call_id" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"outcome" text NOT NULL,
	"cause" integer,
	"agent_id" uuid,
	"amd_result" text,
	"disposition" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "campaign_dispositions" (
	"campaign_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label_zh" text NOT NULL,
	"label_en" text NOT NULL,
	"meaning" text NOT NULL,
	"retry_delay_sec" integer,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "campaign_dispositions_campaign_id_code_pk" PRIMARY KEY("campaign_id","code")
);
--> statement-breakpoint
CREATE TABLE "campaign_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"file_hash" text NOT NULL,
	"encoding" text NOT NULL,
	"content" "bytea",
	"status" text DEFAULT 'previewed' NOT NULL,
	"mapping" jsonb,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"imported_rows" integer DEFAULT 0 NOT NULL,
	"duplicate_rows" integer DEFAULT 0 NOT NULL,
	"dnc_rows" integer DEFAULT 0 NOT NULL,
	"error_rows" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"duration_ms" bigint,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "campaign_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"phone_raw" text NOT NULL,
	"phone_e164" text NOT NULL,
	"timezone" text NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"name" text,
	"lead_id" uuid,
	"customer_id" uuid,
	"contact_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"attempts_by_outcome" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"consecutive_no_answers" integer DEFAULT 0 NOT NULL,
	"no_answer_days" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"last_outcome" text,
	"last_disposition" text,
	"last_agent_id" uuid,
	"next_attempt_at" timestamp with time zone,
	"callback_at" timestamp with time zone,
	"callback_agent_id" uuid,
	"abandoned_at" timestamp with time zone,
	"claimed_at" timestamp with time zone,
	"import_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_teams" (
	"campaign_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	CONSTRAINT "campaign_teams_campaign_id_team_id_pk" PRIMARY KEY("campaign_id","team_id")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"mode" text DEFAULT 'progressive' NOT NULL,
	"caller_id" text DEFAULT '' NOT NULL,
	"trunk" text DEFAULT 'carrier' NOT NULL,
	"script" text DEFAULT '' NOT NULL,
	"max_lines_per_agent" integer DEFAULT 3 NOT NULL,
	"power_lines_per_agent" integer DEFAULT 2 NOT NULL,
	"abandon_target" numeric(5, 4) DEFAULT 0.03 NOT NULL,
	"abandon_window" text DEFAULT 'uk24h' NOT NULL,
	"amd_enabled" boolean DEFAULT false NOT NULL,
	"amd_action" text DEFAULT 'hangup' NOT NULL,
	"record_calls" boolean DEFAULT false NOT NULL,
	"ring_timeout_sec" integer DEFAULT 25 NOT NULL,
	"calling_windows" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"retry_rules" jsonb,
	"unreachable_after_no_answers" integer DEFAULT 3 NOT NULL,
	"owner_id" uuid,
	"team_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dnc_numbers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid,
	"phone_e164" text NOT NULL,
	"reason" text,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_agents" ADD CONSTRAINT "campaign_agents_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_agents" ADD CONSTRAINT "campaign_agents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_attempts" ADD CONSTRAINT "campaign_attempts_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_attempts" ADD CONSTRAINT "campaign_attempts_record_id_campaign_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."campaign_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_attempts" ADD CONSTRAINT "campaign_attempts_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_attempts" ADD CONSTRAINT "campaign_attempts_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_dispositions" ADD CONSTRAINT "campaign_dispositions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_imports" ADD CONSTRAINT "campaign_imports_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_imports" ADD CONSTRAINT "campaign_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_records" ADD CONSTRAINT "campaign_records_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_records" ADD CONSTRAINT "campaign_records_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_records" ADD CONSTRAINT "campaign_records_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_records" ADD CONSTRAINT "campaign_records_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_records" ADD CONSTRAINT "campaign_records_last_agent_id_users_id_fk" FOREIGN KEY ("last_agent_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_records" ADD CONSTRAINT "campaign_records_callback_agent_id_users_id_fk" FOREIGN KEY ("callback_agent_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_teams" ADD CONSTRAINT "campaign_teams_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_teams" ADD CONSTRAINT "campaign_teams_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dnc_numbers" ADD CONSTRAINT "dnc_numbers_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dnc_numbers" ADD CONSTRAINT "dnc_numbers_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_agents_user_idx" ON "campaign_agents" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "campaign_attempts_campaign_idx" ON "campaign_attempts" USING btree ("campaign_id","started_at");--> statement-breakpoint
CREATE INDEX "campaign_attempts_record_idx" ON "campaign_attempts" USING btree ("record_id","started_at");--> statement-breakpoint
CREATE INDEX "campaign_attempts_agent_idx" ON "campaign_attempts" USING btree ("agent_id","started_at");--> statement-breakpoint
CREATE INDEX "campaign_imports_campaign_idx" ON "campaign_imports" USING btree ("campaign_id","file_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_records_phone_unique" ON "campaign_records" USING btree ("campaign_id","phone_e164");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_records_import_key_unique" ON "campaign_records" USING btree ("campaign_id","import_key");--> statement-breakpoint
CREATE INDEX "campaign_records_due_idx" ON "campaign_records" USING btree ("campaign_id","status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "campaign_records_callback_idx" ON "campaign_records" USING btree ("campaign_id","callback_at") WHERE "campaign_records"."callback_at" is not null;--> statement-breakpoint
CREATE INDEX "campaign_teams_team_idx" ON "campaign_teams" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "campaigns_status_idx" ON "campaigns" USING btree ("status");--> statement-breakpoint
CREATE INDEX "campaigns_team_idx" ON "campaigns" USING btree ("team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dnc_numbers_unique" ON "dnc_numbers" USING btree (coalesce("campaign_id", '00000000-0000-0000-0000-000000000000'::uuid),"phone_e164");--> statement-breakpoint
CREATE INDEX "dnc_numbers_phone_idx" ON "dnc_numbers" USING btree ("phone_e164");