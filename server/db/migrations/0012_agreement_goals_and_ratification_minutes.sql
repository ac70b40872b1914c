CREATE TABLE "agreement_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"owner_party_id" uuid,
	"owner_body_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_actions" (
	"goal_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	CONSTRAINT "goal_actions_goal_id_action_id_pk" PRIMARY KEY("goal_id","action_id")
);
--> statement-breakpoint
CREATE TABLE "goal_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"baseline_year" integer NOT NULL,
	"baseline_value" double precision,
	"target_year" integer NOT NULL,
	"target_value" double precision NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_needs" (
	"goal_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	CONSTRAINT "goal_needs_goal_id_need_id_pk" PRIMARY KEY("goal_id","need_id")
);
--> statement-breakpoint
ALTER TABLE "ratifications" ADD COLUMN "minutes_url" text;--> statement-breakpoint
ALTER TABLE "agreement_goals" ADD CONSTRAINT "agreement_goals_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_goals" ADD CONSTRAINT "agreement_goals_owner_party_id_parties_id_fk" FOREIGN KEY ("owner_party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_goals" ADD CONSTRAINT "agreement_goals_owner_body_id_cooperation_bodies_id_fk" FOREIGN KEY ("owner_body_id") REFERENCES "public"."cooperation_bodies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_actions" ADD CONSTRAINT "goal_actions_goal_id_agreement_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."agreement_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_actions" ADD CONSTRAINT "goal_actions_action_id_need_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."need_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_measures" ADD CONSTRAINT "goal_measures_goal_id_agreement_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."agreement_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_measures" ADD CONSTRAINT "goal_measures_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_measures" ADD CONSTRAINT "goal_measures_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_needs" ADD CONSTRAINT "goal_needs_goal_id_agreement_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."agreement_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_needs" ADD CONSTRAINT "goal_needs_need_id_service_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."service_needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_goals_agreement_idx" ON "agreement_goals" USING btree ("agreement_id","sort_order");--> statement-breakpoint
CREATE INDEX "goal_actions_action_idx" ON "goal_actions" USING btree ("action_id");--> statement-breakpoint
CREATE UNIQUE INDEX "goal_measures_goal_indicator_party_key" ON "goal_measures" USING btree ("goal_id","indicator_id","party_id");--> statement-breakpoint
CREATE INDEX "goal_needs_need_idx" ON "goal_needs" USING btree ("need_id");