CREATE TABLE "indicator_values" (
	"indicator_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"gender" text DEFAULT 'TOTAL' NOT NULL,
	"value" double precision,
	"absolute_value" double precision,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_values_indicator_id_party_id_year_gender_pk" PRIMARY KEY("indicator_id","party_id","year","gender")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"unit" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "need_indicator_targets" (
	"need_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"baseline_year" integer NOT NULL,
	"baseline_value" double precision,
	"target_year" integer NOT NULL,
	"target_value" double precision NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_indicator_targets_need_id_indicator_id_pk" PRIMARY KEY("need_id","indicator_id")
);
--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_indicator_targets" ADD CONSTRAINT "need_indicator_targets_need_id_service_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."service_needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_indicator_targets" ADD CONSTRAINT "need_indicator_targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_indicator_targets" ADD CONSTRAINT "need_indicator_targets_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_indicator_targets" ADD CONSTRAINT "need_indicator_targets_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_values_party_idx" ON "indicator_values" USING btree ("party_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_source_code_key" ON "indicators" USING btree ("source","code");--> statement-breakpoint
CREATE INDEX "need_indicator_targets_indicator_idx" ON "need_indicator_targets" USING btree ("indicator_id","party_id");--> statement-breakpoint
CREATE INDEX "service_needs_updated_desc_idx" ON "service_needs" USING btree ("updated_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "service_needs_target_groups_idx" ON "service_needs" USING gin ("target_groups");--> statement-breakpoint
CREATE INDEX "change_events_scope_need_idx" ON "change_events" USING btree (("scope"->>'needId'),"id");--> statement-breakpoint
CREATE INDEX "change_events_scope_meeting_idx" ON "change_events" USING btree (("scope"->>'meetingId'),"id");--> statement-breakpoint
CREATE INDEX "change_events_resolved_idx" ON "change_events" USING btree ("entity_id","at") WHERE "change_events"."name" = 'need.transitioned' and ("change_events"."after"->>'status') = 'RESOLVED';