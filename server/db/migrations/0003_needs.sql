CREATE TABLE "need_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"owner_party_id" uuid NOT NULL,
	"due_date" date,
	"status" text DEFAULT 'PLANNED' NOT NULL,
	"agenda_item_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "need_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"author_user_id" uuid,
	"author_party_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "need_responsibilities" (
	"need_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"role" text NOT NULL,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_responsibilities_need_id_party_id_pk" PRIMARY KEY("need_id","party_id")
);
--> statement-breakpoint
CREATE TABLE "service_needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"status" text DEFAULT 'IDENTIFIED' NOT NULL,
	"priority" text,
	"target_groups" text[] DEFAULT '{}' NOT NULL,
	"theme_codes" text[] DEFAULT '{}' NOT NULL,
	"municipality_ids" uuid[] DEFAULT '{}' NOT NULL,
	"party_ids" uuid[] DEFAULT '{}' NOT NULL,
	"legal_basis" text,
	"estimated_residents" integer,
	"indicators" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"owner_body_id" uuid,
	"status_note" text,
	"field_provenance" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_by_user_id" uuid,
	"created_by_party_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "need_actions" ADD CONSTRAINT "need_actions_need_id_service_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."service_needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_actions" ADD CONSTRAINT "need_actions_owner_party_id_parties_id_fk" FOREIGN KEY ("owner_party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_comments" ADD CONSTRAINT "need_comments_need_id_service_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."service_needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_comments" ADD CONSTRAINT "need_comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_comments" ADD CONSTRAINT "need_comments_author_party_id_parties_id_fk" FOREIGN KEY ("author_party_id") REFERENCES "public"."parties"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_responsibilities" ADD CONSTRAINT "need_responsibilities_need_id_service_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."service_needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_responsibilities" ADD CONSTRAINT "need_responsibilities_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_responsibilities" ADD CONSTRAINT "need_responsibilities_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_needs" ADD CONSTRAINT "service_needs_owner_body_id_cooperation_bodies_id_fk" FOREIGN KEY ("owner_body_id") REFERENCES "public"."cooperation_bodies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_needs" ADD CONSTRAINT "service_needs_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_needs" ADD CONSTRAINT "service_needs_created_by_party_id_parties_id_fk" FOREIGN KEY ("created_by_party_id") REFERENCES "public"."parties"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "need_actions_need_idx" ON "need_actions" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "need_actions_owner_idx" ON "need_actions" USING btree ("owner_party_id","due_date");--> statement-breakpoint
CREATE INDEX "need_actions_agenda_item_idx" ON "need_actions" USING btree ("agenda_item_id");--> statement-breakpoint
CREATE INDEX "need_comments_need_idx" ON "need_comments" USING btree ("need_id","created_at");--> statement-breakpoint
CREATE INDEX "need_responsibilities_party_idx" ON "need_responsibilities" USING btree ("party_id");--> statement-breakpoint
CREATE INDEX "service_needs_status_idx" ON "service_needs" USING btree ("status");--> statement-breakpoint
CREATE INDEX "service_needs_owner_body_idx" ON "service_needs" USING btree ("owner_body_id");--> statement-breakpoint
CREATE INDEX "service_needs_updated_idx" ON "service_needs" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "service_needs_municipalities_idx" ON "service_needs" USING gin ("municipality_ids");--> statement-breakpoint
CREATE INDEX "service_needs_themes_idx" ON "service_needs" USING gin ("theme_codes");--> statement-breakpoint
CREATE INDEX "service_needs_title_lower_idx" ON "service_needs" USING btree (lower("title"));