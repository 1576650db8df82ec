# Ringside server (api + worker + telephony roles) with the built console.
# Build from the repository root: docker build -f docker/server.Dockerfile -t ringside/server .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY pbx/package.json pbx/
COPY server/package.json server/
COPY web-agent/package.json web-agent/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build -w web-agent

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build /app /app
RUN npm prune --omit=dev --no-audit --no-fund || true
USER node
EXPOSE 3000
# Migrations run before the server starts; both are idempotent. The server runs as `node --import tsx`,
# not under the `tsx` CLI: with no wrapper process in between, docker's SIGTERM reaches the server itself
# (graceful close) and a crash is the container's exit, which the compose restart policy restarts.
CMD ["sh", "-c", "node --import tsx server/src/cli/migrate.ts && exec node --import tsx server/src/main.ts"]
