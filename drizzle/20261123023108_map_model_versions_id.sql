ALTER TABLE "map_model_versions" ADD COLUMN "id" uuid DEFAULT gen_random_uuid() NOT NULL;
