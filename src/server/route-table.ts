/**
 * Every API route with its minimum role. The table drives registration, role enforcement and
 * /openapi.json, so a route cannot exist without a declared role and schemas.
 * @module
 */
import type { RouteDef } from './route.js';
import { actorRoutes } from './routes/actor-routes.js';
import { alertRoutes } from './routes/alert-routes.js';
import { boardRoutes } from './routes/board-routes.js';
import { correctionRoutes } from './routes/correction-routes.js';
import { documentRoutes } from './routes/document-routes.js';
import { eventRoutes } from './routes/event-routes.js';
import { overviewRoutes } from './routes/overview-routes.js';
import { sourceGradeRoutes } from './routes/source-grade-routes.js';
import { sourceRoutes } from './routes/source-routes.js';
import { reportRoutes } from './routes/report-routes.js';
import { scoringRoutes } from './routes/scoring-routes.js';
import { savedSearchRoutes } from './routes/saved-search-routes.js';

export const ROUTES: readonly RouteDef[] = [
  ...overviewRoutes,
  ...documentRoutes,
  ...eventRoutes,
  ...actorRoutes,
  ...correctionRoutes,
  ...sourceRoutes,
  ...sourceGradeRoutes,
  ...boardRoutes,
  ...scoringRoutes,
  ...alertRoutes,
  ...reportRoutes,
  ...savedSearchRoutes,
];
