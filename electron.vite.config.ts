import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY } from './src/main/security/policy'

/**
 * Writes the window's policy into index.html as a meta tag, from the same constant main sends as a
 * header: a page opened without main's header (file://, a browser) is held to the same rules.
 * Prepended, so it comes before every script in the head.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'tier-admin-csp-meta',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }]
  }
}

export default defineConfig({
  main: {
    // The CLI is built beside the app's main process from the same services, so `tier-admin` runs as
    // plain JavaScript under node, with no TypeScript compiler at run time. Dependencies are bundled
    // (their ES modules, tree-shaken): loading the AWS SDK and zod file by file from node_modules was
    // most of a CLI command's start-up. cognito-local stays in node_modules: only the sandbox loads it.
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/main/index.ts'), cli: resolve(__dirname, 'src/cli/index.ts') },
        external: ['electron', /^cognito-local(\/|$)/],
        // import() becomes require(): the CLI's code cache (bin/compileCache.cjs) cannot run import() on Node 20.
        output: { dynamicImportInCjs: false }
      }
    }
  },
  preload: {
    // A sandboxed preload can require() only a few Electron modules: everything else (zod, the
    // contract) is bundled into one CommonJS file.
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    }
  }
})
