# Outpost console image (production shape; see docs/OPERATIONS.md "Kubernetes").
#   docker build -t outpost/console:0.1.0 .
# Three stages: build (Next.js production build, the agent bundle, the console process
# compiled to dist/server.js), runtime dependencies only, and the final image, which holds
# no TypeScript compiler, no tsx and no dev dependencies. Runs as uid 1000; the root
# filesystem can be read-only (writable: OUTPOST_DATA_DIR and /tmp, both volumes in the
# Helm chart).
ARG NODE_IMAGE=node:20.19-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY scripts/postinstall.cjs scripts/postinstall.cjs
COPY prisma prisma
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx next build \
 && npm run --silent build:agent \
 && npm run --silent build:server

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/postinstall.cjs scripts/postinstall.cjs
COPY prisma prisma
COPY prisma.config.ts ./
# Production dependencies only; postinstall generates the Prisma client into lib/generated.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE}
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 \
    OUTPOST_DATA_DIR=/var/lib/outpost OUTPOST_PORT=8443
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/lib/generated ./lib/generated
COPY --from=build /app/package.json /app/next.config.js /app/prisma.config.ts ./
COPY --from=build /app/prisma ./prisma
# next.config.js names the next-intl request module; the plugin checks it exists at start.
COPY --from=build /app/lib/i18n ./lib/i18n
COPY --from=build /app/.next ./.next
COPY --from=build /app/dist ./dist
COPY --from=build /app/agent/dist ./agent/dist
RUN mkdir -p /var/lib/outpost && chown 1000:1000 /var/lib/outpost
USER 1000:1000
EXPOSE 8443
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "require('https').get({host:'127.0.0.1',port:process.env.OUTPOST_PORT,path:'/healthz',rejectUnauthorized:false},r=>process.exit(r.statusCode===200?0:1)).on('error',()=>process.exit(1))"
ENTRYPOINT ["node", "dist/server.js"]
