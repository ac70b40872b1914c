CREATE TABLE "disclosures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid NOT NULL,
	"api_token_id" uuid NOT NULL,
	"request_id" text NOT NULL,
	"transport" text NOT NULL,
	"operation_type" text,
	"operation_name" text,
	"root_fields" text[] NOT NULL,
	"query" text NOT NULL,
	"variables" jsonb,
	"outcome" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "disclosures_token_idx" ON "disclosures" USING btree ("api_token_id","id");--> statement-breakpoint
CREATE INDEX "disclosures_user_idx" ON "disclosures" USING btree ("user_id","id");