CREATE TABLE "acd_queue_members" (
	"queue_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"penalty" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "acd_queue_members_queue_id_user_id_pk" PRIMARY KEY("queue_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "acd_queues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"strategy" text DEFAULT 'longestIdle' NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"ring_timeout_sec" integer DEFAULT 20 NOT NULL,
	"wrap_up_sec" integer DEFAULT 30 NOT NULL,
	"service_level_sec" integer DEFAULT 20 NOT NULL,
	"max_wait_sec" integer,
	"overflow" jsonb,
	"overflow_when_unstaffed" boolean DEFAULT false NOT NULL,
	"music_class" text DEFAULT 'default' NOT NULL,
	"announcements" jsonb,
	"requirements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"relax_steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"penalty_steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"record_calls" boolean DEFAULT false NOT NULL,
	"languages" text DEFAULT 'zh&en' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "acd_queues_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "agent_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"skills" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dial_target" text,
	"sip_password" text NOT NULL,
	"provisioned_at" timestamp with time zone,
	"state_snapshot" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dids" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"target_kind" text NOT NULL,
	"target_id" text NOT NULL,
	"languages" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dids_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "dispositions" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"label_en" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ivr_menus" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"prompt_id" text NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"timeout_sec" integer DEFAULT 5 NOT NULL,
	"max_retries" integer DEFAULT 2 NOT NULL,
	"fallback" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ivr_menus_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "pause_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"label_en" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_wrap_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"disposition" text NOT NULL,
	"note" text,
	"follow_up_activity_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY NOT NULL,
	"direction" text NOT NULL,
	"caller_number" text DEFAULT '' NOT NULL,
	"caller_e164" text,
	"called_number" text,
	"did" text,
	"queue_id" uuid,
	"agent_id" uuid,
	"customer_id" uuid,
	"party_type" text,
	"party_id" uuid,
	"outcome" text DEFAULT 'live' NOT NULL,
	"hangup_side" text,
	"cause" text,
	"abandoned_in" text,
	"overflow_target" jsonb,
	"queue_path" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ivr_path" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"agent_path" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"transfers" integer DEFAULT 0 NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"queued_at" timestamp with time zone,
	"offered_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"wait_ms" integer,
	"talk_ms" integer,
	"hold_ms" integer,
	"disposition" text,
	"note" text,
	"wrapped_up_at" timestamp with time zone,
	"activity_id" uuid,
	"owner_id" uuid,
	"team_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recordings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"name" text NOT NULL,
	"format" text DEFAULT 'wav' NOT NULL,
	"kind" text DEFAULT 'call' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"duration_sec" integer,
	CONSTRAINT "recordings_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "voicemails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"mailbox_kind" text NOT NULL,
	"mailbox_id" text NOT NULL,
	"recording_id" uuid,
	"caller_number" text DEFAULT '' NOT NULL,
	"heard_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "acd_queue_members" ADD CONSTRAINT "acd_queue_members_queue_id_acd_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."acd_queues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acd_queue_members" ADD CONSTRAINT "acd_queue_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_profiles" ADD CONSTRAINT "agent_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_wrap_ups" ADD CONSTRAINT "call_wrap_ups_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_wrap_ups" ADD CONSTRAINT "call_wrap_ups_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_queue_id_acd_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."acd_queues"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voicemails" ADD CONSTRAINT "voicemails_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voicemails" ADD CONSTRAINT "voicemails_recording_id_recordings_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recordings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "call_wrap_ups_call_agent" ON "call_wrap_ups" USING btree ("call_id","agent_id");--> statement-breakpoint
CREATE INDEX "calls_entered_idx" ON "calls" USING btree ("entered_at");--> statement-breakpoint
CREATE INDEX "calls_agent_idx" ON "calls" USING btree ("agent_id","entered_at");--> statement-breakpoint
CREATE INDEX "calls_queue_idx" ON "calls" USING btree ("queue_id","entered_at");--> statement-breakpoint
CREATE INDEX "calls_customer_idx" ON "calls" USING btree ("customer_id","entered_at");--> statement-breakpoint
CREATE INDEX "recordings_call_idx" ON "recordings" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "voicemails_mailbox_idx" ON "voicemails" USING btree ("mailbox_kind","mailbox_id","created_at");