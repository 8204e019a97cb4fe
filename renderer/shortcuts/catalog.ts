/** The command catalog, shared with the desktop app's menu bar (it lives in domain/ so main can read it). */
export * from '../../domain/commands';
