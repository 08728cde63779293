-- GIN without its pending list (fastupdate off): a search never scans recent additions linearly (decision 0008).
DROP INDEX "search_entries_search_idx";--> statement-breakpoint
DROP INDEX "search_entries_title_search_idx";--> statement-breakpoint
CREATE INDEX "search_entries_search_idx" ON "search_entries" USING gin ("search") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "search_entries_title_search_idx" ON "search_entries" USING gin ("title_search") WITH (fastupdate=false);