package com.partnersportal.orders.checkout;

import com.partnersportal.orders.merchant.LegalEntities;
import com.partnersportal.orders.merchant.LegalEntity;
import com.partnersportal.orders.merchant.MerchantOrderSettings;
import com.partnersportal.orders.order.Address;
import com.partnersportal.orders.order.MerchantUrls;
import com.partnersportal.orders.order.Order;
import com.partnersportal.orders.order.OrderConsumer;
import com.partnersportal.orders.order.OrderItem;
import com.partnersportal.orders.order.OrderPlacement;
import com.partnersportal.orders.contract.Actor;
import com.partnersportal.kit.money.MoneyReader;
import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a checkout into a new order: checks the money (one currency, the country's; no more decimals than it
 * has; items, tax and shipping less the discount make the total), finds the legal entity that sells in the
 * order's country, and places the order with its {@code OrderCreated} event in one transaction.
 */
@Service
class CheckoutService {

    private final OrderPlacement placement;
    private final LegalEntities legalEntities;
    private final MerchantOrderSettings settings;
    private final CheckoutPages pages;

    CheckoutService(OrderPlacement placement, LegalEntities legalEntities, MerchantOrderSettings settings,
            CheckoutPages pages) {
        this.placement = placement;
        this.legalEntities = legalEntities;
        this.settings = settings;
        this.pages = pages;
    }

    @Transactional
    CheckoutResponse checkout(UUID merchantId, Actor actor, CheckoutRequest request) {
        Currency currency = MoneyReader.currency("total_amount", request.totalAmount().currency());
        if (!currency.countryCode().equals(request.countryCode())) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "total_amount_invalid_currency",
                    "Orders in %s are paid in %s.".formatted(request.countryCode(),
                            Currency.ofCountry(request.countryCode()).map(Enum::name).orElse("no supported currency")),
                    Map.of("country_code", request.countryCode(), "currency", request.totalAmount().currency()));
        }
        Order.NewOrder placed = newOrder(merchantId, currency, request);
        Order order = placement.place(placed, lines(currency, request), settings.timersOf(merchantId).newOrderExpiry(), actor);
        return new CheckoutResponse(order.id(), order.checkoutId(), pages.urlFor(order),
                order.status().wireName());
    }

    private Order.NewOrder newOrder(UUID merchantId, Currency currency, CheckoutRequest request) {
        Money total = MoneyReader.readPositive("total_amount", request.totalAmount(), currency);
        Money tax = orZero(MoneyReader.read("tax_amount", request.taxAmount(), currency), currency);
        Money shipping = orZero(MoneyReader.read("shipping_amount", request.shippingAmount(), currency), currency);
        Money discount = orZero(request.discount() == null ? null
                : MoneyReader.read("discount.amount", request.discount().amount(), currency), currency);
        Money items = Money.zero(currency);
        for (int i = 0; i < request.items().size(); i++) {
            CheckoutRequest.Item item = request.items().get(i);
            items = items.plus(MoneyReader.read("items[%d].total_amount".formatted(i), item.totalAmount(), currency));
            MoneyReader.read("items[%d].unit_price".formatted(i), item.unitPrice(), currency);
            MoneyReader.read("items[%d].discount_amount".formatted(i), item.discountAmount(), currency);
            MoneyReader.read("items[%d].tax_amount".formatted(i), item.taxAmount(), currency);
        }
        Money expected = items.plus(tax).plus(shipping).minus(discount);
        if (!expected.equals(total)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "total_amount_mismatch",
                    "total_amount %s is not the items (%s) plus tax (%s) plus shipping (%s) less discount (%s) = %s."
                            .formatted(total, items, tax, shipping, discount, expected),
                    Map.of("total_amount", total.amount(), "expected", expected.amount()));
        }
        LegalEntity entity = legalEntities.sellingIn(merchantId, request.countryCode());
        CheckoutRequest.ConsumerDetails consumer = request.consumer();
        return new Order.NewOrder(merchantId, entity.id(), request.orderReferenceId(),
                request.orderNumber() == null ? request.orderReferenceId() : request.orderNumber(),
                total, tax, shipping, discount, request.discount() == null ? null : request.discount().name(),
                request.countryCode(), request.locale(), request.description(),
                request.paymentType() == null ? "PAY_BY_INSTALMENTS" : request.paymentType(), request.instalments(),
                new OrderConsumer(consumer.firstName(), consumer.lastName(), consumer.phoneNumber(), consumer.email()),
                address(request.shippingAddress()), address(request.billingAddress()), urls(request.merchantUrl()));
    }

    private static List<OrderItem> lines(Currency currency, CheckoutRequest request) {
        return request.items().stream()
                .map(item -> new OrderItem(item.referenceId(), item.type(), item.name(), item.sku(), item.quantity(),
                        MoneyReader.read("items.total_amount", item.totalAmount(), currency)))
                .toList();
    }

    private static Money orZero(Money money, Currency currency) {
        return money == null ? Money.zero(currency) : money;
    }

    private static Address address(CheckoutRequest.Address address) {
        return address == null ? null : new Address(address.firstName(), address.lastName(), address.line1(),
                address.line2(), address.region(), address.city(), address.countryCode(), address.phoneNumber());
    }

    private static MerchantUrls urls(CheckoutRequest.MerchantUrl urls) {
        return urls == null ? null : new MerchantUrls(urls.success(), urls.failure(), urls.cancel(), urls.notification());
    }
}
