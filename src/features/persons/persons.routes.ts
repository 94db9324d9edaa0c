import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Episode,
  NewPersonRecord,
  OccupancyReport,
  Page,
  Paging,
  PersonEvent,
  PersonRecord,
  PersonRecordFields,
} from '../../../contract/index.js';
import { AppError } from '../../core/app-error.js';
import type { Db } from '../../db/index.js';
import { auditRead } from '../audit/index.js';
import {
  episodesOf,
  eventsOf,
  findRecordRow,
  listOccupancy,
  listPersons,
  listRecords,
  toPersonRecord,
} from './records.repository.js';
import { createRecord, updateRecord } from './records.service.js';
import { personWorkspaceRoutes } from './person-workspace.routes.js';

const actorOf = (req: FastifyRequest): string => req.session?.account.username ?? 'anonymous';

/** Reads of personal data are audited: who, when, through which route, every row returned. */
const readBy = (req: FastifyRequest) => ({
  actor: actorOf(req),
  route: req.routeOptions.url ?? '',
});

export function personsRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  personWorkspaceRoutes(app, deps);
  r.get(
    '/api/records',
    {
      config: { access: 'documenter' },
      schema: {
        tags: ['persons'],
        summary: 'What sources say about persons (personal data; reads are audited)',
        querystring: Paging.extend({
          source: z.string().optional(),
          personId: z.string().optional(),
          category: z.enum(['military', 'civilian']).optional(),
        }),
        response: { 200: Page(PersonRecord) },
      },
    },
    async (req) => {
      const page = await listRecords(db.kysely, req.query);
      await auditRead(db.kysely, readBy(req), [
        { entity: 'record', ids: page.items.map((i) => i.id) },
      ]);
      return { ...page, limit: req.query.limit, offset: req.query.offset };
    },
  );
  r.get(
    '/api/records/:id',
    {
      config: { access: 'documenter' },
      schema: {
        tags: ['persons'],
        params: z.object({ id: z.string() }),
        response: {
          200: z.object({
            record: PersonRecord,
            events: z.array(PersonEvent),
            episodes: z.array(Episode),
          }),
        },
      },
    },
    async (req) => {
      const row = await findRecordRow(db.kysely, req.params.id);
      if (!row) throw new AppError('not_found', `no record ${req.params.id}`);
      const events = await eventsOf(db.kysely, [row.id]);
      const episodes = await episodesOf(db.kysely, { recordIds: [row.id] });
      await auditRead(db.kysely, readBy(req), [
        { entity: 'record', ids: [row.id] },
        { entity: 'event', ids: events.map((e) => e.id) },
        { entity: 'episode', ids: episodes.map((e) => e.id) },
      ]);
      return { record: toPersonRecord(row), events, episodes };
    },
  );
  r.post(
    '/api/records',
    {
      config: { access: 'documenter' },
      schema: {
        tags: ['persons'],
        summary: 'Enter a record',
        body: NewPersonRecord,
        response: { 201: PersonRecord },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createRecord(db.kysely, req.body, actorOf(req))),
  );
  r.patch(
    '/api/records/:id',
    {
      config: { access: 'documenter' },
      schema: {
        tags: ['persons'],
        summary: 'Correct a record',
        params: z.object({ id: z.string() }),
        body: PersonRecordFields,
        response: { 200: PersonRecord },
      },
    },
    (req) => updateRecord(db.kysely, req.params.id, req.body, actorOf(req)),
  );
  r.get(
    '/api/persons',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['persons'],
        summary: 'Persons (identities that records are linked to), with how many records each',
        querystring: Paging,
        response: {
          200: Page(
            z.object({
              id: z.string(),
              records: z.number().int(),
              createdAt: z.string(),
              updatedAt: z.string(),
            }),
          ),
        },
      },
    },
    async (req) => ({
      ...(await listPersons(db.kysely, req.query)),
      limit: req.query.limit,
      offset: req.query.offset,
    }),
  );
  r.get(
    '/api/episodes',
    {
      config: { access: 'documenter' },
      schema: {
        tags: ['persons'],
        summary: 'Detention episodes at a facility',
        querystring: z.object({ facility: z.string() }),
        response: { 200: z.object({ episodes: z.array(Episode) }) },
      },
    },
    async (req) => {
      const episodes = await episodesOf(db.kysely, { facilityId: req.query.facility });
      await auditRead(db.kysely, readBy(req), [
        { entity: 'episode', ids: episodes.map((e) => e.id) },
        { entity: 'record', ids: episodes.map((e) => e.recordId) },
      ]);
      return { episodes };
    },
  );
  r.get(
    '/api/events',
    {
      config: { access: 'documenter' },
      schema: {
        tags: ['persons'],
        summary:
          'Events of a record (missing, captured, confirmed, transferred, sentenced, released, died, body returned)',
        querystring: z.object({ recordId: z.string() }),
        response: { 200: z.object({ events: z.array(PersonEvent) }) },
      },
    },
    async (req) => {
      const events = await eventsOf(db.kysely, [req.query.recordId]);
      await auditRead(db.kysely, readBy(req), [
        { entity: 'event', ids: events.map((e) => e.id) },
        { entity: 'record', ids: events.map((e) => e.recordId) },
      ]);
      return { events };
    },
  );
  r.get(
    '/api/occupancy',
    {
      config: { access: 'documenter' },
      schema: {
        tags: ['persons'],
        summary: 'Occupancy reports (personal data; reads are audited)',
        querystring: Paging.extend({ facility: z.string().optional() }),
        response: { 200: Page(OccupancyReport) },
      },
    },
    async (req) => {
      const page = await listOccupancy(db.kysely, {
        facilityId: req.query.facility,
        limit: req.query.limit,
        offset: req.query.offset,
      });
      await auditRead(db.kysely, readBy(req), [
        { entity: 'occupancy_report', ids: page.items.map((o) => o.id) },
        { entity: 'record', ids: page.items.map((o) => o.recordId) },
      ]);
      return { ...page, limit: req.query.limit, offset: req.query.offset };
    },
  );
}
