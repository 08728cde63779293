CREATE TABLE "archimate_identifiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"identifier" text NOT NULL,
	"object_kind" text NOT NULL,
	"object_id" uuid NOT NULL,
	"archimate_type" text DEFAULT '' NOT NULL,
	"properties" jsonb DEFAULT '{}'::jsonb NOT NULL
);

--> statement-breakpoint
CREATE TABLE "information_objects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"personal_data_category" text DEFAULT 'none' NOT NULL,
	"sensitivity" text DEFAULT 'internal' NOT NULL,
	"owner_person_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);

--> statement-breakpoint
CREATE TABLE "integration_information" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"integration_id" uuid NOT NULL,
	"information_object_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL
);

--> statement-breakpoint
CREATE TABLE "integrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"from_system_id" uuid NOT NULL,
	"to_system_id" uuid NOT NULL,
	"kind" text DEFAULT 'api' NOT NULL,
	"mode" text DEFAULT 'sync' NOT NULL,
	"frequency" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);

--> statement-breakpoint
CREATE TABLE "map_model_versions" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);

--> statement-breakpoint
CREATE TABLE "map_saved_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);

--> statement-breakpoint
CREATE TABLE "model_elements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"documentation" text DEFAULT '' NOT NULL,
	"properties" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);

--> statement-breakpoint
CREATE TABLE "model_relations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"type" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"documentation" text DEFAULT '' NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" uuid NOT NULL,
	"target_kind" text NOT NULL,
	"target_id" uuid NOT NULL,
	"properties" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);

--> statement-breakpoint
CREATE TABLE "model_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"documentation" text DEFAULT '' NOT NULL,
	"viewpoint" text DEFAULT '' NOT NULL,
	"layout" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);

--> statement-breakpoint
CREATE TABLE "service_processes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"process_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL
);

--> statement-breakpoint
CREATE TABLE "service_systems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL
);

--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"audience" text DEFAULT 'citizens' NOT NULL,
	"criticality" text DEFAULT 'medium' NOT NULL,
	"owner_person_id" uuid,
	"owning_unit_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);

--> statement-breakpoint
CREATE TABLE "system_information" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"information_object_id" uuid NOT NULL,
	"is_master" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL
);

--> statement-breakpoint
CREATE TABLE "system_technology" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"technology_component_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL
);

--> statement-breakpoint
CREATE TABLE "technology_components" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" text DEFAULT 'server' NOT NULL,
	"provider" text DEFAULT '' NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);

--> statement-breakpoint
ALTER TABLE "information_objects" ADD CONSTRAINT "information_objects_owner_person_id_persons_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "integration_information" ADD CONSTRAINT "integration_information_integration_id_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integrations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "integration_information" ADD CONSTRAINT "integration_information_information_object_id_information_objects_id_fk" FOREIGN KEY ("information_object_id") REFERENCES "public"."information_objects"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "integrations" ADD CONSTRAINT "integrations_from_system_id_systems_id_fk" FOREIGN KEY ("from_system_id") REFERENCES "public"."systems"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "integrations" ADD CONSTRAINT "integrations_to_system_id_systems_id_fk" FOREIGN KEY ("to_system_id") REFERENCES "public"."systems"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "map_saved_views" ADD CONSTRAINT "map_saved_views_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "service_processes" ADD CONSTRAINT "service_processes_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "service_systems" ADD CONSTRAINT "service_systems_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "service_systems" ADD CONSTRAINT "service_systems_system_id_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."systems"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_owner_person_id_persons_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_owning_unit_id_org_units_id_fk" FOREIGN KEY ("owning_unit_id") REFERENCES "public"."org_units"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "system_information" ADD CONSTRAINT "system_information_system_id_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."systems"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "system_information" ADD CONSTRAINT "system_information_information_object_id_information_objects_id_fk" FOREIGN KEY ("information_object_id") REFERENCES "public"."information_objects"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "system_technology" ADD CONSTRAINT "system_technology_system_id_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."systems"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "system_technology" ADD CONSTRAINT "system_technology_technology_component_id_technology_components_id_fk" FOREIGN KEY ("technology_component_id") REFERENCES "public"."technology_components"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "archimate_identifiers_identifier_idx" ON "archimate_identifiers" USING btree ("tenant_id","identifier");
--> statement-breakpoint
CREATE UNIQUE INDEX "archimate_identifiers_object_idx" ON "archimate_identifiers" USING btree ("tenant_id","object_kind","object_id");
--> statement-breakpoint
CREATE INDEX "information_objects_name_idx" ON "information_objects" USING btree ("tenant_id","name");
--> statement-breakpoint
CREATE UNIQUE INDEX "integration_information_pair_idx" ON "integration_information" USING btree ("tenant_id","integration_id","information_object_id");
--> statement-breakpoint
CREATE INDEX "integrations_from_idx" ON "integrations" USING btree ("tenant_id","from_system_id");
--> statement-breakpoint
CREATE INDEX "integrations_to_idx" ON "integrations" USING btree ("tenant_id","to_system_id");
--> statement-breakpoint
CREATE INDEX "map_saved_views_owner_idx" ON "map_saved_views" USING btree ("tenant_id","owner_user_id");
--> statement-breakpoint
CREATE INDEX "model_elements_type_idx" ON "model_elements" USING btree ("tenant_id","type");
--> statement-breakpoint
CREATE INDEX "model_relations_source_idx" ON "model_relations" USING btree ("tenant_id","source_id");
--> statement-breakpoint
CREATE INDEX "model_relations_target_idx" ON "model_relations" USING btree ("tenant_id","target_id");
--> statement-breakpoint
CREATE INDEX "model_views_name_idx" ON "model_views" USING btree ("tenant_id","name");
--> statement-breakpoint
CREATE UNIQUE INDEX "service_processes_pair_idx" ON "service_processes" USING btree ("tenant_id","service_id","process_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "service_systems_pair_idx" ON "service_systems" USING btree ("tenant_id","service_id","system_id");
--> statement-breakpoint
CREATE INDEX "service_systems_system_idx" ON "service_systems" USING btree ("tenant_id","system_id");
--> statement-breakpoint
CREATE INDEX "services_name_idx" ON "services" USING btree ("tenant_id","name");
--> statement-breakpoint
CREATE UNIQUE INDEX "system_information_pair_idx" ON "system_information" USING btree ("tenant_id","system_id","information_object_id");
--> statement-breakpoint
CREATE INDEX "system_information_info_idx" ON "system_information" USING btree ("tenant_id","information_object_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "system_technology_pair_idx" ON "system_technology" USING btree ("tenant_id","system_id","technology_component_id");
--> statement-breakpoint
CREATE INDEX "system_technology_tech_idx" ON "system_technology" USING btree ("tenant_id","technology_component_id");
--> statement-breakpoint
CREATE INDEX "technology_components_name_idx" ON "technology_components" USING btree ("tenant_id","name");
