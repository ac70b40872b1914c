CREATE TABLE "appeal_instruction_templates" (
	"body_id" uuid PRIMARY KEY NOT NULL,
	"text_fi" text NOT NULL,
	"text_sv" text,
	"text_en" text,
	"updated_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "minutes_checkers" (
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"elected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"elected_by_user_id" uuid,
	"checked_at" timestamp with time zone,
	"checked_by_user_id" uuid,
	CONSTRAINT "minutes_checkers_meeting_id_person_id_pk" PRIMARY KEY("meeting_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "quorum_present" integer;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "quorum_members" integer;--> statement-breakpoint
ALTER TABLE "appeal_instruction_templates" ADD CONSTRAINT "appeal_instruction_templates_body_id_cooperation_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."cooperation_bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_instruction_templates" ADD CONSTRAINT "appeal_instruction_templates_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_checkers" ADD CONSTRAINT "minutes_checkers_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_checkers" ADD CONSTRAINT "minutes_checkers_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_checkers" ADD CONSTRAINT "minutes_checkers_elected_by_user_id_users_id_fk" FOREIGN KEY ("elected_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_checkers" ADD CONSTRAINT "minutes_checkers_checked_by_user_id_users_id_fk" FOREIGN KEY ("checked_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;