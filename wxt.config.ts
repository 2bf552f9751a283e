import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'wxt';

// The manifest lives here. Permissions are the minimum the product needs (README lists why each one is there).
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: {
    // The name and description in the browser's language (public/_locales); English by default.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications', 'contextMenus', 'scripting'],
    host_permissions: ['https://www.instagram.com/*'],
    // The team sync server, whichever address a team uses: asked for at run time when the user connects.
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: '__MSG_actionTitle__' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    },
  },
  vite: () => ({
    plugins: [tailwindcss()],
    build: { target: 'chrome120' },
  }),
});
