/**
 * List queries for every CRM module: filters, sorting, prefix search, field selection and keyset
 * paging from the query parameters of a request, turned into a SQL fragment with named bound
 * parameters only. Declare what a list offers once in a {@link io.mosaic.crm.sdk.query.ListSpec},
 * parse each request into a {@link io.mosaic.crm.sdk.query.ListQuery} and answer with a
 * {@link io.mosaic.crm.sdk.query.Page}.
 */
@Export
@Version("1.1.0")
package io.mosaic.crm.sdk.query;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
