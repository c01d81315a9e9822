-- Support may export customers too; the field rules hide account revenue in exports as well.
INSERT INTO role_permissions (role_id, resource, action)
SELECT id, 'customers.*', 'EXPORT' FROM roles WHERE name = 'support';
