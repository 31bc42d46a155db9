// Types for what Vite resolves at build time (asset imports such as the app icon).
/// <reference types="vite/client" />
