export { ClientConfig } from '../../shared/config.js';
