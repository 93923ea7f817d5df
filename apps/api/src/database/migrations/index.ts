import { CreateCentre1764130000000 } from './1764130000000-create-centre.js';
import { CreateUsersSessionsAudit1764140000000 } from './1764140000000-create-users-sessions-audit.js';
import { CreateNetwork1764150000000 } from './1764150000000-create-network.js';
import { CreateActivityReports1764160000000 } from './1764160000000-create-activity-reports.js';
import { CreateRollout1764170000000 } from './1764170000000-create-rollout.js';
import { CreateAnalyticsFacts1764180000000 } from './1764180000000-create-analytics-facts.js';
import { CreateSavedQueries1764185000000 } from './1764185000000-create-saved-queries.js';
import { NetworkIntegrity1764190000000 } from './1764190000000-network-integrity.js';
import { ExpireIdempotencyKeys1764200000000 } from './1764200000000-expire-idempotency-keys.js';
import { ExpireAuthSessions1764210000000 } from './1764210000000-expire-auth-sessions.js';
import { NotifyAuthChanges1764220000000 } from './1764220000000-notify-auth-changes.js';
import { SignInAuditRetention1764230000000 } from './1764230000000-sign-in-audit-retention.js';
import { ClubCentreIndex1764240000000 } from './1764240000000-club-centre-index.js';

/** Every migration, oldest first. A new migration is added here as well as in this folder. */
export const migrations = [CreateCentre1764130000000, CreateUsersSessionsAudit1764140000000, CreateNetwork1764150000000, CreateActivityReports1764160000000, CreateRollout1764170000000, CreateAnalyticsFacts1764180000000, CreateSavedQueries1764185000000, NetworkIntegrity1764190000000, ExpireIdempotencyKeys1764200000000, ExpireAuthSessions1764210000000, NotifyAuthChanges1764220000000, SignInAuditRetention1764230000000, ClubCentreIndex1764240000000];
