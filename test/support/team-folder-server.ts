import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import FileSystemAdapter from '@nephele/adapter-file-system';
import InsecureAuthenticator from '@nephele/authenticator-none';
import express, { type RequestHandler } from 'express';
import nepheleServer from 'nephele';

// A real WebDAV team folder on 127.0.0.1: Nephele (npm), which honours If-Match and
// If-None-Match and sends strong ETags. In front of it, a plain Basic sign-in for the demo
// account, CORS for the extension's pages and, for tests, a switch that makes it misbehave.

export interface TeamFolderServer {
  url: string;
  root: string;
  /** Answer every request with this (status, or 'hang', or an HTML sign-in page) until set back to null. */
  fault: number | 'hang' | 'html' | null;
  /** Requests seen, newest last: method, path and the status answered. */
  requests: Array<{ method: string; path: string; status?: number; ifNoneMatch?: string }>;
  close(): Promise<void>;
}

export interface TeamFolderOptions {
  root: string;
  port?: number;
  account?: { username: string; password: string };
  /** Run a request handler before WebDAV (e.g. to delay or hold PUTs). */
  before?: RequestHandler;
}

export async function startTeamFolder(options: TeamFolderOptions): Promise<TeamFolderServer> {
  mkdirSync(options.root, { recursive: true });
  const app = express();
  const server: TeamFolderServer = { url: '', root: options.root, fault: null, requests: [], close: async () => undefined };
  app.use((req, res, next) => {
    const seen: TeamFolderServer['requests'][number] = { method: req.method, path: req.path };
    if (typeof req.headers['if-none-match'] === 'string') seen.ifNoneMatch = req.headers['if-none-match'];
    server.requests.push(seen);
    res.on('finish', () => (seen.status = res.statusCode));
    // The extension's pages and worker reach the folder across origins.
    res.set('Access-Control-Allow-Origin', req.headers.origin ?? '*');
    res.set('Access-Control-Allow-Methods', 'GET, PUT, PROPFIND, MKCOL, OPTIONS');
    res.set('Access-Control-Allow-Headers', 'Authorization, Content-Type, Depth, If-Match, If-None-Match');
    res.set('Access-Control-Expose-Headers', 'ETag');
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.status(204).end();
      return;
    }
    if (server.fault === 'hang') return;
    if (server.fault === 'html') {
      res.status(200).type('html').send('<!doctype html><title>Logga in</title><form>Logga in</form>');
      return;
    }
    if (typeof server.fault === 'number') {
      res.status(server.fault).end();
      return;
    }
    next();
  });
  if (options.account) {
    const expected = `Basic ${Buffer.from(`${options.account.username}:${options.account.password}`).toString('base64')}`;
    app.use((req, res, next) => {
      if (req.headers.authorization === expected) return next();
      res.set('WWW-Authenticate', 'Basic realm="Kurskompis team folder"').status(401).end();
    });
  }
  if (options.before) app.use(options.before);
  app.use(
    '/',
    nepheleServer({
      adapter: new FileSystemAdapter({ root: options.root, contentEtagMaxBytes: Infinity }),
      authenticator: new InsecureAuthenticator(),
    }),
  );
  const http: Server = await new Promise((resolve) => {
    const listening = app.listen(options.port ?? 0, '127.0.0.1', () => resolve(listening));
  });
  server.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/`;
  server.close = () =>
    new Promise((resolve) => {
      http.closeAllConnections();
      http.close(() => resolve());
    });
  return server;
}
