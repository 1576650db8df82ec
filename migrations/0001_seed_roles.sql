-- The four roles are a fixed vocabulary that user_roles references; code relies on them existing.
INSERT INTO "roles" ("name", "description") VALUES
  ('admin', 'Administers users, teams, telephony and settings; sees all records'),
  ('supervisor', 'Runs a team: wallboard, listen/whisper/barge, reports'),
  ('agent', 'Answers and places calls; works own and shared records'),
  ('sales', 'Works leads, customers and opportunities')
ON CONFLICT ("name") DO NOTHING;
