export const sections = ['directory', 'requests', 'alerts', 'monitoring', 'help', 'settings'] as const;
export type Section = (typeof sections)[number];
