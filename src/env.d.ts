declare module 'virtual:keyplan/config' {
  const config: import('../plugins/options.ts').SiteConfig;
  export default config;
}
