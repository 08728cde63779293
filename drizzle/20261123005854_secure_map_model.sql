-- Superseded by the *_secure_map_model_tables migration that follows the map tables: this one ran
-- before the tables existed (drizzle-kit could not generate them then), so it does nothing.
SELECT 1;
