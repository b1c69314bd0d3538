/** Secrets of the test environment: the seed (global setup) and the workers (setup-env) must agree. */
export const TEST_APP_SECRET = "test-app-secret-test-app-secret-0123456";
export const TEST_NEXTAUTH_SECRET = "test-secret-test-secret-test-secret-0123";
