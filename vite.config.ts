import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { VitePWA } from 'vite-plugin-pwa'
import type { Plugin } from 'vite'
import { precompress } from './scripts/precompress.mjs'

const RELAY = 'http://127.0.0.1:8787'

// .br/.gz copies of the text files, after the service worker is written (the PWA plugin's closeBundle
// is sequential too, and this one comes after it), for the relay to serve to tablets.
const precompressPlugin = (): Plugin => {
  let outDir = 'dist'
  return {
    name: 'doum-precompress',
    apply: 'build',
    // The directory built into (the benchmark builds .bench-dist), not always dist/.
    configResolved(config) {
      outDir = config.build.outDir
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        const { before, after } = precompress(outDir)
        console.log(`precompressed ${outDir}: ${before} → ${after} bytes (brotli)`)
      },
    },
  }
}

// The app registers /sw.js itself (workbox-window) so it can show "새 버전이 있습니다 — 새로고침"
// and send SKIP_WAITING only when the user accepts; hence prompt mode and no injected register.
export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      strategies: 'generateSW',
      filename: 'sw.js',
      manifestFilename: 'manifest.webmanifest',
      manifest: {
        id: '/',
        name: '도움 — 통합사례관리',
        short_name: '도움',
        description: '통합사례관리사를 위한 오프라인 현장 앱: 가구 등록, 사례관리, 방문상담 기록',
        lang: 'ko',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#1f6f5c',
        background_color: '#f7faf9',
        categories: ['productivity', 'medical'],
        icons: [
          { src: '/pwa-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/pwa-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/pwa-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest,ico,txt,woff2}'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/sync(\/|$)/, /^\/yjs(\/|$)/],
        // The first load must already be controlled (offline right after one online visit);
        // a waiting update is activated only by the user's SKIP_WAITING message.
        clientsClaim: true,
        skipWaiting: false,
        cleanupOutdatedCaches: true,
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
      devOptions: { enabled: false },
    }),
    precompressPlugin(),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: RELAY, changeOrigin: false },
      '/sync': { target: RELAY, ws: true },
      '/yjs': { target: RELAY, ws: true },
    },
  },
  preview: { host: '127.0.0.1', port: 4173 },
})
