CREATE TABLE "agent_state_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"agent_id" uuid NOT NULL,
	"state" text NOT NULL,
	"from_state" text,
	"event" text NOT NULL,
	"reason" text,
	"call_id" uuid,
	"queue_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agent_state_events" ADD CONSTRAINT "agent_state_events_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agent_state_events_agent_at_idx" ON "agent_state_events" USING btree ("agent_id","at");--> statement-breakpoint
CREATE INDEX "agent_state_events_at_idx" ON "agent_state_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "agent_state_events_call_idx" ON "agent_state_events" USING btree ("call_id");