/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Tenant hosts (acme.localhost, …) load dev assets from the root host's dev server.
  allowedDevOrigins: ["*.localhost"],
  serverExternalPackages: ["pino", "pg", "@prisma/adapter-pg"],
  typedRoutes: false,
};

export default nextConfig;
