-- Trigram indexes make name search work for Chinese as well as Latin text (no word boundaries needed).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
