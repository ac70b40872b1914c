CREATE TABLE "document_updates" (
	"document_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"update" "bytea" NOT NULL,
	"actor_user_id" uuid,
	"actor_party_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_updates_document_id_seq_pk" PRIMARY KEY("document_id","seq")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" text NOT NULL,
	"snapshot" "bytea",
	"snapshot_version" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"text_version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document_updates" ADD CONSTRAINT "document_updates_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_updates_created_idx" ON "document_updates" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_owner_key" ON "documents" USING btree ("owner_type","owner_id");