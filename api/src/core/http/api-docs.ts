import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { SESSION_COOKIE } from '@fremdrift/contracts';
import { FieldErrorDto, ProblemDto } from './api-responses';

export function setupApiDocs(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Fremdrift API')
    .setDescription(
      'Action plans, initiatives, departments, milestones, status updates and co-creation partners. ' +
        'Errors are RFC 9457 problem documents (application/problem+json) with messages per field. ' +
        'Sign in with POST /api/auth/login; the session travels in a cookie, and every write must echo the ' +
        'XSRF-TOKEN cookie in an X-XSRF-TOKEN header. Initiatives, milestones and status updates send their ' +
        'version as an ETag; PATCH and DELETE of them need it back in If-Match.',
    )
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE })
    .addSecurityRequirements('cookie')
    .setVersion('1')
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ProblemDto, FieldErrorDto] });
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', yamlDocumentUrl: 'api/docs-yaml' });
}
