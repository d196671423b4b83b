declare module 'virtual:keyplan/config' {
  const config: import('./config/options.ts').SiteConfig;
  export default config;
}
