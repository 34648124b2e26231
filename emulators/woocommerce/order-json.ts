// Orders as the v3 API shows them.
import type { OrderRecord } from './order-book.ts';
import { wooDate } from './dates.ts';
import { API_PREFIX } from './product-json.ts';

const money = (n: number): string => n.toFixed(2);

export function orderJson(o: OrderRecord, origin: string) {
  const total = o.lines.reduce((sum, l) => sum + l.price * l.quantity, 0);
  return {
    id: o.id,
    parent_id: 0,
    number: String(o.id),
    order_key: o.orderKey,
    created_via: o.createdVia,
    version: '7.9.0',
    status: o.status,
    currency: o.currency,
    date_created: wooDate(o.createdS),
    date_created_gmt: wooDate(o.createdS),
    date_modified: wooDate(o.modifiedS),
    date_modified_gmt: wooDate(o.modifiedS),
    discount_total: '0.00',
    discount_tax: '0.00',
    shipping_total: '0.00',
    shipping_tax: '0.00',
    cart_tax: '0.00',
    total: money(total),
    total_tax: '0.00',
    prices_include_tax: false,
    customer_id: o.customerId,
    customer_ip_address: '',
    customer_user_agent: '',
    customer_note: o.customerNote,
    billing: { ...o.billing },
    shipping: { ...o.shipping },
    payment_method: o.paymentMethod,
    payment_method_title: o.paymentMethodTitle,
    transaction_id: '',
    date_paid: wooDate(o.paidS),
    date_paid_gmt: wooDate(o.paidS),
    date_completed: wooDate(o.completedS),
    date_completed_gmt: wooDate(o.completedS),
    cart_hash: '',
    meta_data: [],
    line_items: o.lines.map((l) => ({
      id: l.id,
      name: l.name,
      product_id: l.productId,
      variation_id: l.variationId,
      quantity: l.quantity,
      tax_class: '',
      subtotal: money(l.price * l.quantity),
      subtotal_tax: '0.00',
      total: money(l.price * l.quantity),
      total_tax: '0.00',
      taxes: [],
      meta_data: [],
      sku: l.sku,
      price: l.price,
    })),
    tax_lines: [],
    shipping_lines: [],
    fee_lines: [],
    coupon_lines: [],
    refunds: [],
    _links: {
      self: [{ href: `${origin}${API_PREFIX}/orders/${o.id}` }],
      collection: [{ href: `${origin}${API_PREFIX}/orders` }],
    },
  };
}
