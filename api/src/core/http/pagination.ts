import { Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIMITS, type Page } from '@fremdrift/contracts';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ToInt } from './validation';

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @ToInt()
  @IsInt()
  @Min(LIMITS.page.min)
  @Max(LIMITS.page.max)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: LIMITS.pageSize.max, default: LIMITS.pageSize.default })
  @IsOptional()
  @ToInt()
  @IsInt()
  @Min(LIMITS.pageSize.min)
  @Max(LIMITS.pageSize.max)
  pageSize?: number;
}

export interface PageWindow {
  page: number;
  pageSize: number;
  offset: number;
}

export function pageWindow(query: PageQueryDto): PageWindow {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? LIMITS.pageSize.default;
  return { page, pageSize, offset: (page - 1) * pageSize };
}

export function toPage<T>(items: T[], total: number, window: PageWindow): Page<T> {
  return { items, total, page: window.page, pageSize: window.pageSize };
}

const pageDtoCache = new Map<ClassType, ClassType>();

/** A documented `{ items, total, page, pageSize }` response class for OpenAPI. */
export function PageDto<T>(itemType: ClassType<T>): ClassType<Page<T>> {
  const cached = pageDtoCache.get(itemType);
  if (cached) return cached as ClassType<Page<T>>;
  class PageOfItems implements Page<T> {
    @ApiProperty({ type: [itemType] })
    items: T[];

    @ApiProperty({ description: 'Number of items matching the query, over all pages' })
    total: number;

    @ApiProperty()
    page: number;

    @ApiProperty()
    pageSize: number;
  }
  Object.defineProperty(PageOfItems, 'name', { value: `PageOf${itemType.name.replace(/Dto$/, '')}` });
  pageDtoCache.set(itemType, PageOfItems);
  return PageOfItems;
}
