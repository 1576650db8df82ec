-- Short (1–2 character) name searches, typical for Chinese ("华为", "李"), yield no trigram, so the
-- pg_trgm GIN indexes cannot serve them. Index every 1- and 2-character substring of the name instead;
-- search uses `rs_name_grams(name) @> array[lower(q)]` for such queries (modules/search/service.ts).
CREATE OR REPLACE FUNCTION rs_name_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (
    SELECT lower(substr(t, i, 1)) AS g FROM generate_series(1, char_length(t)) AS i
    UNION ALL
    SELECT lower(substr(t, i, 2)) FROM generate_series(1, char_length(t) - 1) AS i
  ) grams
$$;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "customers_name_grams" ON "customers" USING gin (rs_name_grams("name"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "contacts_name_grams" ON "contacts" USING gin (rs_name_grams("name"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "leads_name_grams" ON "leads" USING gin (rs_name_grams("name"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "leads_company_grams" ON "leads" USING gin (rs_name_grams(coalesce("company", '')));
